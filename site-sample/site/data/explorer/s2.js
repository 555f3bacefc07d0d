window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s2"]=[0,0,-1];
