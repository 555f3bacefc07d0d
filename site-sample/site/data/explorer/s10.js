window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s10"]=[0,1,0];
