window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/k19"]=[["00d09b7e7997","hmac-sha256","293057f01e7b587c…",0]];
