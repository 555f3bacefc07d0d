window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s8"]=[1,1,2];
