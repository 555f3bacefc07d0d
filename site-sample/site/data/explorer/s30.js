window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s30"]=[1,0,-1];
