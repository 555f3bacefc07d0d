window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s13"]=[6,0,-1];
