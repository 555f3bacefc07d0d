window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s21"]=[2,1,-1];
