window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s7"]=[3,1,-1];
