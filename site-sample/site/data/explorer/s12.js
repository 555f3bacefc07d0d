window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s12"]=[0,0,0];
