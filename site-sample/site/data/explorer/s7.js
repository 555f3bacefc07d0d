window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s7"]=[3,0,-1];
