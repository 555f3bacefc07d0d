window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s22"]=[2,0,-1];
