window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/r0"]=[["nwl-edi-pipeline","94075f6cb7",0]];
