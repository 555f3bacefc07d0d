window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s23"]=[2,0,-1];
