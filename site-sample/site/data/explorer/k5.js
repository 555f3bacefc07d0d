window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/k5"]=[["a15f85311a33","hmac-sha256","7e8f02bd987a73ba…",0]];
