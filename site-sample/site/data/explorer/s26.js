window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s26"]=[0,0,6,4,4,0,2,4,0];
