window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/r4"]=[["nwl-edi-archive-prod","2449214037",2]];
