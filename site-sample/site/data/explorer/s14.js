window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s14"]=[2,0,-1];
