window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s25"]=[2,1,-1];
