window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/r6"]=[["cosmos-nwl-shipments","a3d9cee254",2]];
