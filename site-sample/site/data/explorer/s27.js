window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s27"]=[7,0,-1];
