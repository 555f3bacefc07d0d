window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/k4"]=[["831a7d1d959e","hmac-sha256","9cd09820b81e999a…",4]];
