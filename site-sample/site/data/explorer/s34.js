window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s34"]=[0,2,2];
