window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s9"]=[0,0,0];
