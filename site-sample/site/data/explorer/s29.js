window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s29"]=[1,1,0];
