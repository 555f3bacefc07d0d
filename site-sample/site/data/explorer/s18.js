window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s18"]=[2,0,0,5,1,1,0,2,1,4,2,1,6,2,1,7,2,1];
