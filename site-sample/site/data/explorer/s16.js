window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s16"]=[0,0,0,7,0,0];
