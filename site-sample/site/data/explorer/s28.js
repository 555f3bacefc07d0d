window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s28"]=[1,0,-1];
