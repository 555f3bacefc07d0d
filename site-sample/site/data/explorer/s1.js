window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s1"]=[0,2,-1];
