window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/r2"]=[["svc-edi-uploader","fb689fae22",2]];
