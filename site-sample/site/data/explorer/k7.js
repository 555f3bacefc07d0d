window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/k7"]=[["fa5a7d4011a0","hmac-sha256","80383d5119c2810a…",4]];
