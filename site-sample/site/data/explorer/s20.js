window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s20"]=[4,0,-1,7,1,-1];
