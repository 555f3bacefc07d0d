window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s17"]=[2,0,0,0,1,1,7,1,1,2,1,1];
