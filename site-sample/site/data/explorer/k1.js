window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/k1"]=[["449c70b4df3a","hmac-sha256","5a5351a8a6ffdfb2…",4]];
