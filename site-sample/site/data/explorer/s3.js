window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/s3"]=[2,0,0,1,0,0,3,0,0];
