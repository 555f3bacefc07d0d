window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s24"]=[6,0,-1,5,2,-1,7,2,-1];
