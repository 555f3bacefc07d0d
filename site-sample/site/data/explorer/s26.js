window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s26"]=[4,3,0,2,3,0];
