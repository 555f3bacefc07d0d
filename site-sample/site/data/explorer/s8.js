window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s8"]=[1,2,2];
