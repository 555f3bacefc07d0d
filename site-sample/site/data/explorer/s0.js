window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s0"]=[0,0,0];
