window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s17"]=[6,0,0,2,1,0,0,2,1,7,2,1,2,2,1];
