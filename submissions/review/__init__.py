"""The secretariat's review queue (/review/): `views` with its `urls`, and the queue's filter `forms`."""
