window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s11"]=[0,1,-1];
