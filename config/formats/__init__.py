"""Date formats that Django's own locale files lack (FORMAT_MODULE_PATH): looked up before Django's."""
