window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s15"]=[0,0,0,2,0,0];
