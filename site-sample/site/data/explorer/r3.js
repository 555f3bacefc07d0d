window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/r3"]=[["nwl-edi-prod","e148338021",2]];
