window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s6"]=[3,0,0];
