window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s4"]=[2,0,0,1,0,0];
