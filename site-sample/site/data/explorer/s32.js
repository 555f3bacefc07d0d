window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s32"]=[1,1,-1];
