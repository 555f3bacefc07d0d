window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s5"]=[3,0,0,2,1,0];
