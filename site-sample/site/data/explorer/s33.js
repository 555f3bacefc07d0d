window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s33"]=[0,0,-1];
