window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/k6"]=[["caaa9b2c6d17","hmac-sha256","74ed488289c21e0a…",0]];
