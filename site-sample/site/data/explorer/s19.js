window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s19"]=[0,0,-1];
