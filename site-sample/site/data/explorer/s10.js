window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s10"]=[0,0,0];
