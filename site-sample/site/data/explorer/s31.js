window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s31"]=[0,1,-1];
