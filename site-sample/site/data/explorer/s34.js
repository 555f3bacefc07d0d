window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s34"]=[0,3,2];
